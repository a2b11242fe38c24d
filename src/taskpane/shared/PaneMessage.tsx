import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { PaneError } from "../errors";

/** An error in a Fluent MessageBar, announced to screen readers (role alert). */
export function ErrorMessage(props: { error: PaneError; dismissLabel?: string; onDismiss?: () => void }) {
  const { error, onDismiss, dismissLabel } = props;
  return (
    <MessageBar intent="error" layout="multiline" role="alert" data-testid="pane-error">
      <MessageBarBody>
        <MessageBarTitle>{error.title}</MessageBarTitle>
        {error.message}
        {error.detail ? <div>({error.detail})</div> : null}
      </MessageBarBody>
      {onDismiss ? (
        <MessageBarActions>
          <Button size="small" onClick={onDismiss}>
            {dismissLabel}
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
