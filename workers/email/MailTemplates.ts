/**
 * Mail templates with Handlebars: one file per template in `templates/`,
 * its first line `Subject: ...`, a blank line, then the body. Variables
 * are the job's variables (and headers); a template engine rather than
 * string concatenation, so a template can use conditions and nested values
 * (`{{#if businessKey}}`, `{{event.name}}`). Plain-text mail: nothing is
 * HTML-escaped.
 */
import { readFileSync, readdirSync } from 'node:fs';
import Handlebars from 'handlebars';

/** A rendered mail. */
export interface RenderedMail {
  subject: string;
  text: string;
}

interface Compiled {
  subject: Handlebars.TemplateDelegate;
  body: Handlebars.TemplateDelegate;
}

const DEFAULT_FOLDER = new URL('./templates/', import.meta.url);

export class MailTemplates {
  private readonly templates = new Map<string, Compiled>();

  /** Loads every `*.txt` template of `folder` (the built-in ones by default); a malformed one fails at start, naming the file. */
  constructor(folder: URL = DEFAULT_FOLDER) {
    const handlebars = Handlebars.create();
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.txt'))) {
      const source = readFileSync(new URL(file, folder), 'utf8');
      const match = /^Subject:[ \t]*(.*)\r?\n\r?\n([\s\S]*)$/.exec(source);
      if (!match) throw new Error(`mail template ${file} must start with "Subject: ..." and a blank line`);
      const options = { noEscape: true };
      this.templates.set(file.replace(/\.txt$/, ''), { subject: handlebars.compile(match[1], options), body: handlebars.compile(match[2], options) });
    }
  }

  /** The names of the templates. */
  get names(): string[] {
    return [...this.templates.keys()].sort();
  }

  /** Renders a template; throws naming the template when there is none of that name. */
  render(name: string, variables: Record<string, unknown>): RenderedMail {
    const template = this.templates.get(name);
    if (!template) throw new Error(`there is no mail template '${name}' (known: ${this.names.join(', ')})`);
    return { subject: template.subject(variables).trim(), text: template.body(variables) };
  }
}
