/**
 * The user's care type per sheet, where it overrides the reader's decision (the column, the
 * sheet's name or title rows, the unit's name). Not stored in the workbook: a choice for this
 * session, shown in the result's heading like every override.
 */
import { useCallback, useState } from "react";
import type { CareType } from "../../core";

export interface CareTypeChoice {
  chosen: Record<string, CareType>;
  /** null: back to the reader's decision. */
  choose(sheet: string, care: CareType | null): void;
}

export function useCareTypes(): CareTypeChoice {
  const [chosen, setChosen] = useState<Record<string, CareType>>({});
  const choose = useCallback((sheet: string, care: CareType | null) => {
    setChosen((current) => {
      const next = { ...current };
      if (care === null) delete next[sheet];
      else next[sheet] = care;
      return next;
    });
  }, []);
  return { chosen, choose };
}
