/** Child of interruptedCopy.test.ts: starts a copy whose disk stalls, says so, and waits for a signal. */
import { open } from "node:fs/promises";
import { writeMarkedCopy } from "../../../src/adapters/xlsx/writeMarkedCopy";
import { resultFixture } from "../../cli/resultFixture";

const [input, out] = process.argv.slice(2);
void writeMarkedCopy(input, out, resultFixture([]), {
  openTempFile: async (p, mode) => {
    const fh = await open(p, "wx", mode);
    (fh as unknown as { write: unknown }).write = () => {
      process.stdout.write("stalled\n");
      return new Promise(() => setInterval(() => undefined, 1000)); // never returns: the disk hangs
    };
    return fh;
  },
});
