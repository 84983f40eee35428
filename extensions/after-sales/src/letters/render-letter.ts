import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import { registerLetterHelpers } from './letter-helpers';

export class LetterTemplateError extends Error {
  constructor(
    public template: string,
    public detail: string,
  ) {
    super(`文书模板 ${template} 无法生成：${detail}`);
    this.name = 'LetterTemplateError';
  }
}

export interface RenderInput {
  template: string;
  context: Record<string, unknown>;
  templatesDir: string;
  timeZone: string;
}

export interface RenderedLetter {
  html: string;
  version: string;
}

// Template names come from requests: letters and underscores only, so no path can be smuggled in.
const TEMPLATE_NAME = /^[a-z_]+$/;
const STRICT = { strict: true } as const;

interface TemplateFile {
  name: string;
  source: string;
}

/** The partials' names: every .hbs file of the folder, in name order. */
function partialFileNames(partialsDir: string): string[] {
  return readdirSync(partialsDir)
    .filter((file) => file.endsWith('.hbs'))
    .sort()
    .map((file) => basename(file, '.hbs'));
}

function readTemplateFiles(templatesDir: string, template: string): { main: TemplateFile; partials: TemplateFile[] } {
  const lettersDir = join(templatesDir, 'letters');
  let source: string;
  try {
    source = readFileSync(join(lettersDir, `${template}.hbs`), 'utf8');
  } catch {
    throw new LetterTemplateError(template, `找不到模板文件 letters/${template}.hbs`);
  }
  const partialsDir = join(lettersDir, 'partials');
  const partials = partialFileNames(partialsDir).map((name) => ({ name, source: readFileSync(join(partialsDir, `${name}.hbs`), 'utf8') }));
  return { main: { name: template, source }, partials };
}

interface ReadTemplate {
  /** inode, size and times of the template, the partials folder and each partial when they were read */
  stamp: string;
  main: TemplateFile;
  partials: TemplateFile[];
  version: string;
}

// Template files as last read, by templates folder and template; read again when their stamp changes.
const readTemplates = new Map<string, ReadTemplate>();

/** The stamp of the files a letter is made of, or null when one cannot be looked at (it is read, and fails, instead). */
function stampOf(templatesDir: string, template: string, partials: string[]): string | null {
  const lettersDir = join(templatesDir, 'letters');
  const paths = [
    join(lettersDir, `${template}.hbs`),
    join(lettersDir, 'partials'),
    ...partials.map((name) => join(lettersDir, 'partials', `${name}.hbs`)),
  ];
  try {
    return paths
      .map((file) => {
        const stat = statSync(file, { bigint: true });
        return `${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
      })
      .join('|');
  } catch {
    return null;
  }
}

/**
 * The template and its partials, and their version. A stat of each file and of the partials folder
 * (its time changes when a partial is added, removed or renamed) tells whether they changed since
 * they were read: an edited template prints at once, an unchanged one is not read again.
 */
function templateFiles(templatesDir: string, template: string): ReadTemplate {
  const key = `${templatesDir}\0${template}`;
  const known = readTemplates.get(key);
  const names = (partials: TemplateFile[]) => partials.map((partial) => partial.name);
  if (known && stampOf(templatesDir, template, names(known.partials)) === known.stamp) return known;
  readTemplates.delete(key);
  // Stamped before reading: a file that changes while it is read has a newer stamp, so it is read again next time.
  let partialNames: string[] = [];
  try {
    partialNames = partialFileNames(join(templatesDir, 'letters', 'partials'));
  } catch {
    // no partials folder: reading says so below
  }
  const stamp = stampOf(templatesDir, template, partialNames);
  const { main, partials } = readTemplateFiles(templatesDir, template);
  const read: ReadTemplate = { stamp: stamp ?? '', main, partials, version: templateVersion(main, partials) };
  if (stamp !== null && names(partials).join('/') === partialNames.join('/')) readTemplates.set(key, read);
  return read;
}

/** Changes whenever the template or any partial changes (content or name), so an issued letter records what printed it. */
function templateVersion(main: TemplateFile, partials: TemplateFile[]): string {
  const hash = createHash('sha256');
  for (const file of [main, ...partials]) hash.update(`${file.name}\0${file.source}\0`);
  return hash.digest('hex').slice(0, 16);
}

function isPlainData(value: unknown): value is object {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Handlebars' strict mode does not check helper arguments: `{{cnDate report.incident_at}}` without
 * `incident_at` would print a blank date. Reading the context through this proxy makes every
 * missing field an error naming its full path (null is a value, not missing). `has` is trapped
 * too because strict mode tests `name in parent` before reading, and its own message names only
 * the last segment of the path.
 */
function strictContext(value: unknown, path: string[]): unknown {
  if (!isPlainData(value)) return value;
  const fieldPathOf = (target: object, key: string): string[] => {
    const fieldPath = [...path, key];
    if (!(key in target)) throw new Error(`缺少字段 "${fieldPath.join('.')}"`);
    return fieldPath;
  };
  return new Proxy(value, {
    get(target, key, receiver) {
      if (typeof key !== 'string') return Reflect.get(target, key, receiver);
      return strictContext(Reflect.get(target, key, receiver), fieldPathOf(target, key));
    },
    has(target, key) {
      if (typeof key === 'string') fieldPathOf(target, key);
      return key in target;
    },
  });
}

interface CompiledLetter {
  version: string;
  render: (context: unknown) => string;
  /** Which partial failed in the current render (renders are synchronous, so one slot is enough). */
  state: { failedIn?: string };
}

// Compiled letters by templates folder, template and time zone; replaced when the files change.
const compiledLetters = new Map<string, CompiledLetter>();

/**
 * Each letter gets its own Handlebars environment (helpers and partials never leak between
 * letters or into the global instance), compiled in strict mode, so a field missing from the
 * context fails the letter instead of printing blank.
 */
function compileLetter(main: TemplateFile, partials: TemplateFile[], version: string, timeZone: string): CompiledLetter {
  const state: CompiledLetter['state'] = {};
  const hb = Handlebars.create();
  registerLetterHelpers(hb, timeZone);
  for (const partial of partials) {
    const compiled = hb.compile(partial.source, STRICT);
    hb.registerPartial(partial.name, (context: unknown, options?: Handlebars.RuntimeOptions) => {
      try {
        return compiled(context, options);
      } catch (error) {
        state.failedIn ??= `letters/partials/${partial.name}.hbs`;
        throw error;
      }
    });
  }
  const render = hb.compile(main.source, STRICT);
  return { version, render: (context) => render(context), state };
}

/**
 * Renders a letter to a complete HTML document. The template files are read again when they changed
 * on disk (an edited template prints at once); they are compiled again only when their content changed.
 */
export function renderLetter(input: RenderInput): RenderedLetter {
  const { template } = input;
  if (!TEMPLATE_NAME.test(template)) throw new LetterTemplateError(template, '模板名只能由小写字母和下划线组成');
  let letter: CompiledLetter | undefined;
  try {
    const { main, partials, version } = templateFiles(input.templatesDir, template);
    const key = `${input.templatesDir}\0${template}\0${input.timeZone}`;
    letter = compiledLetters.get(key);
    if (letter?.version !== version) {
      letter = compileLetter(main, partials, version, input.timeZone);
      compiledLetters.set(key, letter);
    }
    // Neither Handlebars' errors nor ours say which file failed: remember the partial, if it was one.
    letter.state.failedIn = undefined;
    return { html: letter.render(strictContext(input.context, [])), version };
  } catch (error) {
    if (error instanceof LetterTemplateError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new LetterTemplateError(template, `${letter?.state.failedIn ?? `letters/${template}.hbs`}：${message}`);
  }
}
