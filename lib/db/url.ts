/** The database the workbench uses: DATABASE_URL, or the embedded SQLite file. */
export const DEFAULT_DATABASE_URL = "file:./data/workbench.db";

export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL?.trim();
  return url ? url : DEFAULT_DATABASE_URL;
}

export function isPostgres(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}
