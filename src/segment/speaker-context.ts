import type { NamedPerson, SpeakerPhrase } from './name-phrases.js';

/**
 * The people a story has named so far, so later references resolve: a
 * surname ("De Vries") to the full name, "she" to the last person named,
 * "the manager" to the person introduced as manager.
 */
export class SpeakerContext {
  private readonly people: string[] = [];
  private readonly roles = new Map<string, string>();
  private lastPerson: string | undefined;

  /** The person a phrase names or refers to; records named people. */
  resolve(phrase: SpeakerPhrase): string | undefined {
    switch (phrase.kind) {
      case 'person': {
        const name = this.fullName(phrase.person.name);
        if (!this.people.includes(name)) this.people.push(name);
        for (const role of phrase.person.roles) this.roles.set(role, name);
        this.lastPerson = name;
        return name;
      }
      case 'pronoun':
        return this.lastPerson;
      case 'role': {
        const name = this.roles.get(phrase.role);
        if (name !== undefined) this.lastPerson = name;
        return name;
      }
      case 'group':
        // "A spokeswoman for the operator said … she said": the pronoun is not the last named person.
        this.lastPerson = undefined;
        return undefined;
      default:
        return undefined;
    }
  }

  /** Records a person a sentence opens with, so a later "he" or surname resolves to them. */
  mention(person: NamedPerson): void {
    this.resolve({ kind: 'person', person });
  }

  /** A known person's full name when `name` is the end of it ("De Vries", "Waller"). */
  private fullName(name: string): string {
    const words = name.toLowerCase().split(' ');
    for (let index = this.people.length - 1; index >= 0; index--) {
      const known = this.people[index]!;
      const knownWords = known.toLowerCase().split(' ');
      if (knownWords.length > words.length && knownWords.slice(-words.length).join(' ') === words.join(' ')) return known;
    }
    return name;
  }
}
