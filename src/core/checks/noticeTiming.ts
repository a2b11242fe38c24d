/**
 * When an admission notice is late (DOMAIN.md §1: due within 24 hours of admission): one rule for
 * the check (ADMISSION_NOTICE_LATE) and the follow-up report of notices within 24 hours.
 */
import type { LocalDateTime } from "../cells/localDate";

const MINUTES_PER_DAY = 24 * 60;

/**
 * With both times: more than 24 hours after admission. Without both, leniently: late only when
 * the notice's date is more than a day after the admission's.
 */
export function admissionNoticeLate(notice: LocalDateTime, admission: LocalDateTime): boolean {
  if (notice.minute !== null && admission.minute !== null) {
    return (notice.day - admission.day) * MINUTES_PER_DAY + (notice.minute - admission.minute) > MINUTES_PER_DAY;
  }
  return notice.day - admission.day > 1;
}

/** Whether the comparison used clock times (the check's message says which). */
export function noticeTimed(notice: LocalDateTime, admission: LocalDateTime): boolean {
  return notice.minute !== null && admission.minute !== null;
}
