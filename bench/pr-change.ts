/**
 * A pull request on a generated repository (bench/generate.ts), as a git repository: `main` holds the
 * generated tree, `feature` (checked out, as in CI) changes the 20 files a typical pull request
 * touches: a model gains personal-data fields, its service logs the whole entity, a helper gains a
 * function and a controller a route. Returns the number of new findings a review must report: two
 * fields per model and one log call per service.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface PrRepo {
  dir: string;
  changed: number;
  /** New findings the change introduces. */
  expectedNew: number;
}

export function makePrRepo(generated: string, prFiles: readonly string[]): PrRepo {
  const dir = `${generated}-pr`;
  rmSync(dir, { recursive: true, force: true });
  cpSync(generated, dir, { recursive: true });
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.email=bench@example.com', '-c', 'user.name=bench', '-c', 'commit.gpgsign=false', ...args], {
      cwd: dir,
      stdio: 'pipe',
    });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'generated');
  git('checkout', '-qb', 'feature');
  let expectedNew = 0;
  for (const rel of prFiles) {
    const file = path.join(dir, rel);
    let text = readFileSync(file, 'utf8');
    if (rel.endsWith('.entity.ts')) {
      text = text.replace(
        /(\n {2}status!: string;\n)/,
        '$1\n  @Column()\n  homeAddress!: string;\n\n  @Column()\n  nationalId!: string;\n',
      );
      expectedNew += 2; // address and national id are personal data in any model
    } else if (rel.endsWith('.service.ts')) {
      text = text.replace(
        '    this.cache.set(entity.id, entity);',
        "    this.cache.set(entity.id, entity);\n    logger.warn({ entity }, 'saving');",
      );
      expectedNew += 1;
    } else if (rel.endsWith('.controller.ts')) {
      text += '\nexport function health(_req: Request, res: Response) {\n  res.json({ ok: true });\n}\n';
    } else {
      text +=
        '\nexport function percent(value: number, total: number): number {\n  return total === 0 ? 0 : Math.round((value / total) * 100);\n}\n';
    }
    writeFileSync(file, text);
  }
  git('commit', '-qam', 'pull request');
  return { dir, changed: prFiles.length, expectedNew };
}
