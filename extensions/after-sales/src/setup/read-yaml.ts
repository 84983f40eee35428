import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';

export async function readYaml<T>(folder: string, file: string): Promise<T> {
  return parse(await readFile(path.join(folder, file), 'utf8')) as T;
}
