// APERAK (Application error and acknowledgement message) D96B segment table from UNTDID D.96B (TRMD, 4.3.1), kept as data.
import type { MessageDefinition } from '../types';

const aperak: MessageDefinition = {
  kind: 'message',
  type: 'APERAK',
  version: 'D',
  release: '96B',
  agency: 'UN',
  title: 'Application error and acknowledgement message',
  source: 'UNTDID D.96B: TRMD APERAK 4.3.1',
  segmentDictionary: 'D96B',
  table: [
    'UNH M 1',
    'BGM M 1',
    'DTM C 9',
    'FTX C 9',
    'CNT C 9',
    ['SG1 C 9', 'RFF M 1', 'DTM C 9'],
    ['SG2 C 9', 'NAD M 1', 'CTA C 9', 'COM C 9'],
    ['SG3 C 99999',
      'ERC M 1',
      'FTX C 1',
      ['SG4 C 1', 'RFF M 1', 'FTX C 9']],
    'UNT M 1',
  ],
};

export default aperak;
