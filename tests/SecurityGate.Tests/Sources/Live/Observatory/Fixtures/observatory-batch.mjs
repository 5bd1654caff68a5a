// Runs the real MDN HTTP Observatory (npm package, installed by install-observatory.sh) on several
// targets in one Node process and prints one JSON line per target:
//   {"target": "...", "score": 85, "grade": "A-", "tests": {"<name>": {"result": "...", "scoreModifier": 0, "pass": true}}}
//   {"target": "...", "error": "<message>"}
// Copied next to node_modules by ObservatoryReferenceTests, so the bare import resolves there.
// Targets come from the command line or, one per line, from stdin.
import { scan } from "@mdn/mdn-http-observatory";
import fs from "node:fs";

const targets = process.argv.length > 2
  ? process.argv.slice(2)
  : fs.readFileSync(0, "utf8").split("\n").map((t) => t.trim()).filter(Boolean);

for (const target of targets) {
  try {
    const r = await scan(target);
    const tests = Object.fromEntries(Object.entries(r.tests).map(([name, t]) =>
      [name, { result: t.result, scoreModifier: t.scoreModifier, pass: t.pass }]));
    console.log(JSON.stringify({ target, score: r.scan.score, grade: r.scan.grade, tests }));
  } catch (e) {
    console.log(JSON.stringify({ target, error: e.message }));
  }
}
