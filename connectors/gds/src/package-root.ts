// Finds this package's folder from src/ (tests) and dist/ (runtime) alike, so the WSDL that ships
// beside them is found either way.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const PACKAGE_NAME = '@interline/connector-gds';
let cached: string | undefined;

export function packageRoot(): string {
  if (cached) return cached;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === PACKAGE_NAME) {
      cached = dir;
      return dir;
    }
    if (path.dirname(dir) === dir) throw new Error(`cannot find the ${PACKAGE_NAME} package above ${__dirname}; is the package installed with its wsdl/ folder?`);
  }
}

/** The service description the client and the simulator are built from. */
export function wsdlPath(): string {
  return path.join(packageRoot(), 'wsdl', 'gds.wsdl');
}
