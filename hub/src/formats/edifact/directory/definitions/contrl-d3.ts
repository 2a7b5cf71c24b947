// CONTRL D:3:UN, the syntax and service report used with syntax version 3 (UN/EDIFACT SDG, 1997).
import type { MessageDefinition } from '../types';

const contrl: MessageDefinition = {
  kind: 'message',
  type: 'CONTRL',
  version: 'D',
  release: '3',
  agency: 'UN',
  title: 'Syntax and service report message',
  source: 'UN/EDIFACT CONTRL D:3:UN segment table',
  segmentDictionary: 'SYNTAX3',
  table: [
    'UNH M 1',
    'UCI M 1',
    ['SG1 C 999999',
      'UCM M 1',
      ['SG2 C 999', 'UCS M 1', 'UCD C 99']],
    ['SG3 C 999999',
      'UCF M 1',
      ['SG4 C 999999',
        'UCM M 1',
        ['SG5 C 999', 'UCS M 1', 'UCD C 99']]],
    'UNT M 1',
  ],
};

export default contrl;
