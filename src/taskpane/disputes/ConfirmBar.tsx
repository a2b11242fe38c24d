/** An explicit confirmation: the question with the count, confirm and cancel. */
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { usePane } from "../context/PaneContext";
import { DISPUTE_TEXTS } from "./disputeTexts";

export function ConfirmBar({ question, onConfirm, onCancel, testId }: { question: string; onConfirm(): void; onCancel(): void; testId: string }) {
  const { lang } = usePane();
  const d = DISPUTE_TEXTS[lang];
  return (
    <MessageBar intent="warning" layout="multiline" data-testid={testId}>
      <MessageBarBody>{question}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" appearance="primary" onClick={onConfirm} data-testid={`${testId}-yes`}>
          {d.confirm}
        </Button>
        <Button size="small" onClick={onCancel} data-testid={`${testId}-no`}>
          {d.cancel}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
