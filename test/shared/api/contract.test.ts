import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appContract } from '@shared/api/app-contract';
import { batchesContract } from '@shared/api/batches-contract';
import { apiContract, methodNames } from '@shared/api/contract';
import { mergeContracts } from '@shared/api/merge-contracts';
import { rulesContract } from '@shared/api/rules-contract';
import { auditContract, settingsContract } from '@shared/api/settings-contract';
import { verificationContract } from '@shared/api/verification-contract';
import { reviewersContract } from '@shared/api/reviewers-contract';
import { panelContract } from '@shared/api/panel-contract';
import { reportsContract } from '@shared/api/reports-contract';
import { exportsContract } from '@shared/api/exports-contract';
import { checklistContract } from '@shared/api/checklist-contract';
import { inspectionContract } from '@shared/api/inspection-contract';
import { REPO_ROOT } from '../../support/temp-dir';

function sourcesUnder(folder: string, extension: RegExp): { file: string; text: string }[] {
  const found: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (extension.test(entry.name)) found.push({ file: path.relative(REPO_ROOT, full), text: fs.readFileSync(full, 'utf8') });
    }
  };
  walk(path.join(REPO_ROOT, folder));
  return found;
}

describe('the API contract', () => {
  it('holds every method of every contract file once', () => {
    const parts = [
      appContract,
      settingsContract,
      auditContract,
      batchesContract,
      rulesContract,
      verificationContract,
      reviewersContract,
      panelContract,
      reportsContract,
      exportsContract,
      checklistContract,
      inspectionContract,
    ];
    expect(methodNames).toHaveLength(parts.reduce((n, part) => n + Object.keys(part).length, 0));
    expect(Object.keys(apiContract).sort()).toEqual(parts.flatMap((part) => Object.keys(part)).sort());
  });

  it('refuses a method declared in two contract files instead of letting the later one win', () => {
    const first = { listThings: 1 };
    const second = { listThings: 2 };
    // @ts-expect-error -- the duplicate is a compile error too; this checks the load-time guard.
    expect(() => mergeContracts(first, second)).toThrow('"listThings" is declared in two contract files');
  });

  it('carries codes as enums: no code, state, phase, stage or severity is a free string', () => {
    const found = ['shared/api', 'shared/records'].flatMap((folder) =>
      sourcesUnder(folder, /\.ts$/).flatMap(({ file, text }) =>
        [...text.matchAll(/\b(code|codes|state|phase|stage|severity|status)\s*:\s*(z\.string\(\)|text\(|plain\([^)]*z\.string\(\))/g)].map(
          (m) => `${file}: ${m[1] ?? ''}`,
        ),
      ),
    );
    // The one exception is data, not a code: the 发票代码 printed on an invoice (the invoices record).
    expect(found).toEqual(['shared/records/stored-records.ts: code']);
  });
});

describe('the renderer', () => {
  it('never branches on a Chinese display string', () => {
    const chineseLiteral = String.raw`['"\x60][^'"\x60\n]*[\u3400-\u9fff][^'"\x60\n]*['"\x60]`;
    const comparison = new RegExp(String.raw`[!=]==?\s*${chineseLiteral}|${chineseLiteral}\s*[!=]==?|case\s+${chineseLiteral}`, 'gu');
    const offenders = sourcesUnder('renderer/src', /\.tsx?$/).flatMap(({ file, text }) => [...text.matchAll(comparison)].map((m) => `${file}: ${m[0]}`));
    expect(offenders).toEqual([]);
  });
});
