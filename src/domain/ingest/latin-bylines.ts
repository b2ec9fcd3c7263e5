/**
 * Bylines of pages in Latin script, as sites print them, turned into the writers' names:
 * "By TOM KRISHER, AP Auto Writer" → Tom Krisher; "Lisa Kaczke and Trevor J. Mitchell" → two names;
 * "Tom Davies Associated Press Published 11:34 PM EST" → Tom Davies. The draft's attribution lists
 * people, so roles, outlets, credentials, handles and time stamps are left out.
 */

/** Words that start what follows a name: a role, an outlet, a time stamp, a profile link. */
const AFTER_NAME_RE =
  /\s+(?:published|updated|posted|last updated|edited by|view (?:more|all)|more articles|follow|is an? |has been |\d|[•|·]|@|\(|associated press|the associated press|reuters|afp|cnn|ap\b|(?:senior|chief|staff|contributing|special|national|international|political|sports|auto|business|health|games|technology|science|editor)\b)/i;

/** What a part of a byline is when it is not a person: a role, an outlet, an agency's initials (AP, CNN). */
const ROLE_OR_OUTLET_RE =
  /\b(?:writer|editor|reporter|correspondent|columnist|contributor|producer|staff|press|news|media|times|post|journal|insider|magazine|today|international|associated|reuters|bloomberg|xinhua|afp|upi|dpa)\b/i;
const INITIALS_RE = /^(?:[A-Z]{2,4}|Ph\.?D\.?|M\.?D\.?|Jr\.?|Sr\.?)$/;

function isRoleOrOutlet(part: string): boolean {
  return ROLE_OR_OUTLET_RE.test(part) || INITIALS_RE.test(part.trim());
}

/** Kevin McCoy USA TODAY → Kevin McCoy: in a name written in mixed case, a word in capitals starts the outlet. */
function beforeOutlet(name: string): string {
  if (name === name.toUpperCase()) return name;
  const words = name.split(' ');
  const outlet = words.findIndex((w, i) => i >= 2 && /^\p{Lu}{2,}$/u.test(w));
  return outlet > 0 ? words.slice(0, outlet).join(' ') : name;
}

/** Two to five words, each starting with a capital (or a particle such as de, van, von, al-). */
const PERSON_RE = /^(?:(?:\p{Lu}[\p{L}'’.-]*|de|da|del|der|di|du|la|le|van|von|bin|al-[\p{L}]+)\s+){1,4}\p{Lu}[\p{L}'’.-]*$/u;

/**
 * The names in a Latin-script byline; none when a part of it is neither a person nor a role or
 * outlet (an organisation, a headline, "Name (required)"): the caller then keeps what the page said.
 */
export function namesFromLatinByline(byline: string): string[] {
  const text = byline
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:(?:analysis|commentary|opinion|story|words|text|reporting|written|posted|photos?)\s+)?by\s*:?\s+/i, '');
  // The outlet's staff, not a person: Science X staff, JERUSALEM POST STAFF, Staff Reports.
  if (/\bstaff(?:\s+reports?)?$/i.test(text)) return [];
  const names: string[] = [];
  // Parts alternate with the separators that joined them.
  const pieces = text.split(PART_SEPARATOR_RE);
  for (let i = 0; i < pieces.length; i += 2) {
    const part = pieces[i] ?? '';
    const separator = pieces[i - 1] ?? '';
    const joinedByAnd = /\band\b|&/i.test(separator);
    // After a comma, a part that names a role is the role (Bo Chen, Harbour Daily Editor); after "and" it is another
    // writer; after a full stop it is the outlet (Gus Hart. Bay Weekly), since names are listed with commas.
    const isRole = i > 0 && ((!joinedByAnd && isRoleOrOutlet(part)) || separator.includes('.'));
    const name = isRole ? '' : toNameCase(beforeOutlet(part.split(AFTER_NAME_RE)[0]?.trim() ?? ''));
    if (isPersonName(name) && !startsWithCredential(part)) names.push(name);
    // After the names may come roles, credentials, and last the outlet (Victor Tangermann, Futurism).
    else if (!(isRole || isRoleOrOutlet(part) || startsWithCredential(part) || (i === pieces.length - 1 && names.length && part.split(' ').length <= 4))) return [];
  }
  return names;
}

/** A byline that names an outlet or a desk and no person (The Associated Press, CTV News Staff). */
export function namesOnlyOutlet(byline: string): boolean {
  return namesFromLatinByline(byline).length === 0 && isRoleOrOutlet(byline.replace(/^by\s+/i, ''));
}

/** Commas, "and", "&", and a full stop after a whole word (Finian Cunningham. Sputnik), not after an initial (Trevor J. Mitchell). */
const PART_SEPARATOR_RE = /(\s*,\s*(?:and\s+)?|\s+and\s+|\s+&\s+|(?<=\p{L}{3})\.\s+(?=\p{Lu}))/iu;

function isPersonName(name: string): boolean {
  return PERSON_RE.test(name) && !isRoleOrOutlet(name) && !/^the\s/i.test(name);
}

/** Degrees and licences written after a name: Rachael Link, MS, RD; Brenda Goodman, MA WebMD Health News. */
const CREDENTIAL_RE = /^(?:MA|MS|MSc|BA|BS|BSc|MD|DO|RD|RDN|RN|NP|PA|PhD|Ph\.D\.|MBA|MPH|CPA|JD|DDS|DVM|PharmD|LCSW|CFP)\b/;

function startsWithCredential(part: string): boolean {
  return CREDENTIAL_RE.test(part.trim());
}

/** TOM KRISHER → Tom Krisher (wire services set bylines in capitals); mixed case is left as written. */
function toNameCase(name: string): string {
  if (name !== name.toUpperCase() || !/\p{Lu}{2}/u.test(name)) return name;
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/** The editor a byline box names after the writer: Rob Ewaschuk Edited by Betsy Beyer. */
export function findLatinEditor(text: string): string {
  const named = /\bedited by\s+(.{2,60}?)(?:\s*[|•·]|$)/i.exec(text)?.[1] ?? '';
  return named ? namesFromLatinByline(named).join(', ') : '';
}

/** A wire story's closing credit: (Reporting by Will Dunham; Editing by Tom Brown). */
const WIRE_CREDIT_RE = /\(\s*((?:additional\s+)?reporting by[^()]{3,300}|(?:editing|edited) by[^()]{3,200})\)\s*$/i;

/**
 * The reporters and editors a wire story names in its closing credit, as agencies write it:
 * "(Reporting by A, B; additional reporting by C; Editing by D)", also with commas between the parts.
 */
export function readWireCredit(text: string): { reporters: string[]; editors: string[] } {
  const credit = WIRE_CREDIT_RE.exec(text.trim())?.[1];
  const found = { reporters: [] as string[], editors: [] as string[] };
  if (!credit) return found;
  for (const part of credit.split(/\s*;\s*|,\s*(?=(?:with\s+)?(?:additional\s+)?(?:reporting|editing|writing) by)/i)) {
    const m = /^(?:with\s+)?(?:additional\s+)?(reporting|editing|edited|writing) by\s+(.+?)\.?$/i.exec(part.trim());
    if (!m?.[1] || !m[2]) continue;
    const names = namesFromLatinByline(m[2]);
    (/^edit/i.test(m[1]) ? found.editors : found.reporters).push(...names);
  }
  return found;
}
