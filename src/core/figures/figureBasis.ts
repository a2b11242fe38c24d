/** Stub: the compact, columnar basis of the figures (implemented with the figures module). */
export interface FigureBasis {
  readonly count: number;
}
