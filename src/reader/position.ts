/** A position in a file, 1-based. */
export interface Position {
  line: number;
  column: number;
}
