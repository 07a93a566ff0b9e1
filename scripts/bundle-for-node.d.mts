export function bundleForNode(entry: string, outfile: string): Promise<string>;
export function bundleAndRun(entry: string, outfile: string, nodeFlags?: readonly string[]): Promise<never>;
