// A population register read from a JSON file (see register.ts for the format). The file is read
// on first use and again when it changes, so a demo or test can replace it without a restart.
import { readFile, stat } from 'node:fs/promises';
import { PopulationRegisterUnavailable, RegisterFile, type PopulationRegister, type RegisterEntry } from './register.ts';

export class FilePopulationRegister implements PopulationRegister {
  private readonly path: string;
  private loaded: { mtimeMs: number; byId: Map<string, RegisterEntry> } | null = null;

  constructor(path: string) {
    this.path = path;
  }

  private async entries(): Promise<Map<string, RegisterEntry>> {
    let mtimeMs: number;
    try {
      mtimeMs = (await stat(this.path)).mtimeMs;
    } catch {
      // The path is configuration, not personal data; it helps the operator find the problem.
      throw new PopulationRegisterUnavailable(`population register file not found: ${this.path}`);
    }
    if (this.loaded?.mtimeMs === mtimeMs) return this.loaded.byId;
    let parsed: RegisterFile;
    try {
      parsed = RegisterFile.parse(JSON.parse(await readFile(this.path, 'utf8')));
    } catch {
      // Never echo the content: it is full of national ids.
      throw new PopulationRegisterUnavailable(`population register file is not valid: ${this.path}`);
    }
    const byId = new Map(parsed.people.map((p) => [p.nationalId, p]));
    this.loaded = { mtimeMs, byId };
    return byId;
  }

  async lookup(nationalId: string): Promise<RegisterEntry | null> {
    return (await this.entries()).get(nationalId) ?? null;
  }
}

const registers = new Map<string, PopulationRegister>();

/** The register configured for this server (one per file path). */
export function populationRegisterFor(config: { populationRegisterFile: string }): PopulationRegister {
  let register = registers.get(config.populationRegisterFile);
  if (!register) {
    register = new FilePopulationRegister(config.populationRegisterFile);
    registers.set(config.populationRegisterFile, register);
  }
  return register;
}
