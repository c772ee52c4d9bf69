// Reading and writing the files a command names, with one way of saying what went wrong: the reason in words
// and exit code 2, as for any other problem with the command line.

import { type CliIo, exitCodes } from "./io.js";

/** The file's text, or exit code 2 after saying why it cannot be read. */
export async function readInputFile(file: string, io: CliIo): Promise<string | number> {
  try {
    return await io.readFile(file);
  } catch (error) {
    io.stderr(`swarm-dispatch: cannot read ${file}: ${reasonOf(error, "no such file")}\n`);
    return exitCodes.usage;
  }
}

/** Exit code 0 once written, or 2 after saying why it cannot be written. */
export async function writeOutputFile(file: string, text: string, io: CliIo): Promise<number> {
  try {
    await io.writeFile(file, text);
    return exitCodes.ok;
  } catch (error) {
    io.stderr(`swarm-dispatch: cannot write ${file}: ${reasonOf(error, "no such folder")}\n`);
    return exitCodes.usage;
  }
}

function reasonOf(error: unknown, missing: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ENOENT" ? missing : code === "EISDIR" ? "it is a directory" : String(error);
}
