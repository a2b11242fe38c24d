/** Last line of defence: a render error shows a message instead of a blank pane. */
import { Component, type ReactNode } from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { Texts } from "../i18n";

interface Props {
  texts: Texts;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error: error ?? new Error("unknown") };
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    const detail = this.state.error instanceof Error ? this.state.error.message : String(this.state.error);
    return (
      <MessageBar intent="error" role="alert" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{this.props.texts.errorTitle}</MessageBarTitle>
          {this.props.texts.errorUnknown} ({detail})
        </MessageBarBody>
      </MessageBar>
    );
  }
}
