/**
 * What following the rows needs from the core's reader (keying a sheet's stays): loaded with the
 * review's chunk, so the first load of the pane stays small.
 */
export { followMarks } from "./marksFollowRows";
export { keyedSheetsOf, keysOfReview, readStayKeys } from "./stayKeys";
