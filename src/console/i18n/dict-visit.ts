/** Console strings of issue 12 (contacts: the F1 an F2 came through, corrected names), Vietnamese first. */
export const consoleVisitDict = {
  'trace.via': { vi: 'Qua F1', en: 'Through F1' },
  'trace.originalName': { vi: 'máy quét ghi: {name}', en: 'scanner read: {name}' },
} as const satisfies Record<string, { vi: string; en: string }>;
