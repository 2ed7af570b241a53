import junitModule, { type Builder } from 'junit-report-builder';

// The package is CommonJS typed as `exports.default`; Node hands ESM importers `module.exports`.
const junitReportBuilder = ((junitModule as unknown as { default?: Builder }).default ??
  junitModule) as unknown as Builder;

/** A fresh JUnit XML builder (junit-report-builder keeps one global builder otherwise). */
export function newJunitBuilder(): Builder {
  return junitReportBuilder.newBuilder();
}
