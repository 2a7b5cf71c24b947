// CONTRL 4:1:UN, the syntax and service report for batch EDI of ISO 9735-4 (syntax version 4).
import type { MessageDefinition } from '../types';

const contrl: MessageDefinition = {
  kind: 'message',
  type: 'CONTRL',
  version: '4',
  release: '1',
  agency: 'UN',
  title: 'Syntax and service report message for batch EDI',
  source: 'ISO 9735-4:2002 message CONTRL segment table',
  segmentDictionary: 'SYNTAX4',
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
