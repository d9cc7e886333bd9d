/**
 * The Allure 3 report's configuration (`allure generate` finds it in the working directory).
 *
 * - Awesome report, its tree grouped by area then check, so it reads as a check-by-check
 *   overview; the `Check overview` attachment has the same as a table.
 * - Categories sort failures by whose problem they are (fixtures/report-categories.ts).
 * - History: every generation appends one line to the history file (reports/ by default, see
 *   fixtures/report-paths.ts); keep that file between runs, in CI too, for trends and for each
 *   test's history. The last 30 runs are kept.
 */
import { defineConfig } from 'allure';

import { reportCategories } from './fixtures/report-categories.ts';
import { reportPaths } from './fixtures/report-paths.ts';

const paths = reportPaths();
const reportName = 'Atlas serverless create: conformance';

export default defineConfig({
  name: reportName,
  output: paths.report,
  historyPath: paths.history,
  historyLimit: 30,
  // Runner plumbing, not facts about the target: the labels that matter come first without them.
  hideLabels: ['language', 'framework', 'package', 'titlePath', 'host', 'thread', /^_/],
  categories: {
    rules: reportCategories.map(({ id, name, matchers, groupBy, expand }) => ({
      id,
      name,
      matchers,
      groupBy: groupBy === 'check' ? [{ label: 'check' }] : [],
      groupByMessage: groupBy === 'message',
      ...(expand === undefined ? {} : { expand }),
    })),
  },
  plugins: {
    awesome: {
      options: {
        reportName,
        reportLanguage: 'en',
        singleFile: false,
        groupBy: ['area', 'check'],
        // A failure opens on its evidence: notes, exchanges and curl lines shown, not folded.
        stepTreeExpansion: 'expanded',
      },
    },
  },
});
