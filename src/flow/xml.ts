/**
 * XML read as telephony documents need it (TwiML, VoiceXML): in document order, since the order
 * of verbs and prompts is what a call does, attributes kept, and values as written ("01" stays
 * "01").
 */
import { XMLParser } from 'fast-xml-parser';

const inOrder = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

/** Each element as `{ name: children, ':@': attributes }`, in document order. */
export function parseXmlInOrder(text: string): unknown[] {
  return inOrder.parse(text) as unknown[];
}
