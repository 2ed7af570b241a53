import type { Log, ReportingDescriptor, Result } from 'sarif';
import { RULE_IDS, rules } from '../analysis/rules/index.js';
import type { Reporter } from './report.js';

const INFORMATION_URI = 'https://github.com/phonemaze/phonemaze';
/** Problems that make a file unusable are reported under this pseudo-rule. */
const INVALID_FLOW = 'invalid-flow';

/** SARIF 2.1.0, for code scanning. */
const sarif: Reporter = (report) => {
  const descriptors: ReportingDescriptor[] = [
    ...RULE_IDS.map((id) => ({
      id,
      shortDescription: { text: rules[id].meta.description },
      helpUri: `${INFORMATION_URI}/blob/main/docs/rules/${id}.md`,
      defaultConfiguration: { level: rules[id].meta.severity },
    })),
    {
      id: INVALID_FLOW,
      shortDescription: { text: 'The file is not a valid flow file.' },
      defaultConfiguration: { level: 'error' },
    },
  ];
  const index = new Map(descriptors.map((descriptor, i) => [descriptor.id, i]));
  const at = (file: string, line: number, column: number) => [
    {
      physicalLocation: {
        artifactLocation: { uri: file.replace(/\\/g, '/') },
        region: { startLine: line, startColumn: column },
      },
    },
  ];
  const results: Result[] = [
    ...report.invalid.flatMap((invalid) =>
      invalid.problems.map(
        (p): Result => ({
          ruleId: INVALID_FLOW,
          ruleIndex: index.get(INVALID_FLOW) as number,
          level: 'error',
          message: { text: p.hint ? `${p.message} ${p.hint}` : p.message },
          locations: at(p.file, p.line, p.column),
        }),
      ),
    ),
    ...report.flows.flatMap((flow) =>
      flow.findings.map(
        (f): Result => ({
          ruleId: f.rule,
          ruleIndex: index.get(f.rule) as number,
          level: f.severity,
          message: { text: f.message },
          locations: at(flow.file, f.line, f.column),
        }),
      ),
    ),
  ];
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'phonemaze',
            version: report.tool.version,
            informationUri: INFORMATION_URI,
            rules: descriptors,
          },
        },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
export default sarif;
