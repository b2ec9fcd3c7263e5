import { describe, expect, it } from 'vitest';
import { findLatinEditor, namesFromLatinByline, namesOnlyOutlet, readWireCredit } from './latin-bylines.ts';

describe('a Latin-script byline as the people it names', () => {
  it('tells a byline that names only an outlet or a desk from one that names a person', () => {
    for (const outlet of ['The Associated Press', 'BBC News', 'By Staff', 'Science X staff', 'PTI']) expect(namesOnlyOutlet(outlet), outlet).toBe(true);
    for (const person of ['Ann Lee', 'By ANN LEE, Associated Press', 'Jane']) expect(namesOnlyOutlet(person), person).toBe(false);
  });

  it('leaves out labels, roles, outlets, credentials, handles and time stamps', () => {
    expect(namesFromLatinByline('By ANN LEE, AP Harbour Writer')).toEqual(['Ann Lee']);
    expect(namesFromLatinByline('Analysis by Bo Chen, Harbour Daily Editor-at-large')).toEqual(['Bo Chen']);
    expect(namesFromLatinByline('Cara Diaz Associated Press Published 11:34 PM EST')).toEqual(['Cara Diaz']);
    expect(namesFromLatinByline('Dee Evans, MS, RD')).toEqual(['Dee Evans']);
    expect(namesFromLatinByline('Eli Fox @elifox')).toEqual(['Eli Fox']);
    expect(namesFromLatinByline('Fay Gold, Harbour Insider')).toEqual(['Fay Gold']);
    expect(namesFromLatinByline('Gus Hart. Bay Weekly')).toEqual(['Gus Hart']);
    expect(namesFromLatinByline('Ivy Jones is a freelance writer living in Portland')).toEqual(['Ivy Jones']);
    expect(namesFromLatinByline('Jo Kim 412 4 silver badges 11 bronze badges')).toEqual(['Jo Kim']);
  });

  it('splits lists of writers and sets capitals in name case', () => {
    expect(namesFromLatinByline('LISA MOORE, MARY CLARE NOLAN and ERIC OWEN')).toEqual(['Lisa Moore', 'Mary Clare Nolan', 'Eric Owen']);
    expect(namesFromLatinByline('Kevin Park and Trevor J. Quinn')).toEqual(['Kevin Park', 'Trevor J. Quinn']);
    expect(namesFromLatinByline('Sandee LaRue, CNN')).toEqual(['Sandee LaRue']);
    expect(namesFromLatinByline('Kevin Park and Kevin McCoy HARBOUR TODAY')).toEqual(['Kevin Park', 'Kevin McCoy']);
  });

  it('names nobody when the byline is the outlet, its staff, or not a list of people', () => {
    for (const byline of ['Harbour Daily Staff', 'Science X staff', 'The Russian and Syrian defense ministries', 'Reuters', 'admin', 'Richard (R.J.) Eskow']) {
      expect(namesFromLatinByline(byline), byline).toEqual([]);
    }
  });
});

describe('a wire story’s closing credit', () => {
  it('names the reporters and the editors, however the agency joins the parts', () => {
    expect(readWireCredit('The vote is due on Friday. (Reporting by Ann Lee; Editing by Bo Chen)')).toEqual({ reporters: ['Ann Lee'], editors: ['Bo Chen'] });
    expect(readWireCredit('… on Friday. (Reporting by Ann Lee, Cara Diaz, with additional reporting by Eli Fox, editing by Bo Chen.)')).toEqual({
      reporters: ['Ann Lee', 'Cara Diaz', 'Eli Fox'],
      editors: ['Bo Chen'],
    });
  });

  it('reads nothing from a bracket that is not a credit, or from a credit that is not at the end', () => {
    expect(readWireCredit('The mayor (who was re-elected in May) said no.')).toEqual({ reporters: [], editors: [] });
    expect(readWireCredit('(Reporting by Ann Lee) The vote is due on Friday.')).toEqual({ reporters: [], editors: [] });
  });
});

describe('the editor a byline box names', () => {
  it('is read after "Edited by", and nobody is when no name follows', () => {
    expect(findLatinEditor('Written by Ann Lee Edited by Bo Chen')).toBe('Bo Chen');
    expect(findLatinEditor('By Ann Lee | Edited by BO CHEN and CARA DIAZ | March 3, 2024')).toBe('Bo Chen, Cara Diaz');
    expect(findLatinEditor('Edited by the harbour desk')).toBe('');
    expect(findLatinEditor('By Ann Lee')).toBe('');
  });
});
