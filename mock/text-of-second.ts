/**
 * The text of an instant that only shows whole seconds, formatted once per second: the mock
 * answers many requests a second, and formatting a date for each was a measurable share of a
 * request (`npm run bench:mock`). Each instance keeps the text of the latest second it saw.
 */
export class TextOfSecond {
  private second = Number.NaN;
  private text = '';

  constructor(private readonly format: (date: Date) => string) {}

  of(milliseconds: number): string {
    const second = Math.floor(milliseconds / 1000);
    if (second !== this.second) {
      this.second = second;
      this.text = this.format(new Date(second * 1000));
    }
    return this.text;
  }
}
