// The bundled Action's entry (dist/index.js is this file with its imports): run one attempt.

import { run } from "./run.js";

await run();
