export const SMOKE_TEST_PREFIX: string;
export function judgeSmokeTest(stdout: string, exitCode: number | null): { ok: boolean; reason: string };
