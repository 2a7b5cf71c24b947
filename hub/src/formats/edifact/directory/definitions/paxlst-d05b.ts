// PAXLST (Passenger list message) D05B segment table from UNTDID D.05B (EDMD, 4.3.1), kept as data.
import type { MessageDefinition } from '../types';

const paxlst: MessageDefinition = {
  kind: 'message',
  type: 'PAXLST',
  version: 'D',
  release: '05B',
  agency: 'UN',
  title: 'Passenger list message',
  source: 'UNTDID D.05B: EDMD PAXLST 4.3.1',
  segmentDictionary: 'D05B',
  table: [
    'UNH M 1',
    'BGM M 1',
    'RFF C 1',
    'DTM C 9',
    ['SG1 C 5', 'NAD M 1', 'CTA C 1', 'COM C 9'],
    ['SG2 M 10',
      'TDT M 1',
      'DTM M 1',
      ['SG3 C 99', 'LOC M 1', 'DTM C 5']],
    ['SG4 C 99999',
      'NAD M 1',
      'ATT C 9',
      'DTM C 9',
      'MEA C 9',
      'GEI C 5',
      'FTX C 99',
      'LOC C 25',
      'COM C 1',
      'EMP C 9',
      'NAT C 9',
      'RFF C 1',
      ['SG5 C 5', 'DOC M 1', 'DTM C 5', 'GEI C 9', 'RFF C 9', 'LOC C 2', 'CPI C 1', 'QTY C 9'],
      ['SG6 C 99', 'GID M 1', 'FTX C 9', 'QTY C 9'],
      ['SG7 C 1', 'TDT M 1', 'FTX C 1']],
    'CNT C 1',
    'AUT C 1',
    'UNT M 1',
  ],
};

export default paxlst;
