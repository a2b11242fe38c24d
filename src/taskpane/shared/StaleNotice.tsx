/** Says plainly that what follows was made for earlier choices, and what happens next. */
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { Freshness } from "../hooks/freshness";

interface Props {
  state: Freshness;
  texts: Record<Exclude<Freshness, "current">, string>;
  testId: string;
}

export function StaleNotice({ state, texts, testId }: Props) {
  if (state === "current") return null;
  return (
    <MessageBar intent={state === "updating" ? "info" : "warning"} layout="multiline" data-testid={testId} data-state={state}>
      <MessageBarBody>{texts[state]}</MessageBarBody>
    </MessageBar>
  );
}
