import type { Reporter } from './report.js';

/** docs/checks.md's JSON report, keys and flows in a stable order so that reports diff cleanly. */
const json: Reporter = (report) =>
  `${JSON.stringify(
    {
      version: report.version,
      flows: report.flows.map((flow) => ({
        file: flow.file,
        id: flow.id,
        ...(flow.title !== undefined ? { title: flow.title } : {}),
        stats: flow.stats,
        human: flow.human,
        ...(flow.byConditions ? { byConditions: flow.byConditions } : {}),
        ...(flow.byConditionsLeftOut ? { byConditionsLeftOut: flow.byConditionsLeftOut } : {}),
        limits: flow.limits,
        ...(flow.flow.imported ? { imported: flow.flow.imported } : {}),
        findings: flow.findings.map(
          ({ rule, messageId, severity, node, line, column, message }) => ({
            rule,
            messageId,
            severity,
            node,
            line,
            column,
            message,
          }),
        ),
      })),
      invalid: report.invalid,
      summary: report.summary,
    },
    null,
    2,
  )}\n`;
export default json;
