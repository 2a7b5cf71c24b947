// What the simulated authority remembers, as served on GET /__sim/state.
import type { CustomsResponseStatus } from '@interline/hub';

export interface ReceivedFile {
  file: string;
  at: string;
  /** Message types in the interchange (empty when it could not be read). */
  types: string[];
  controlRef: string | null;
  sender: string | null;
  outcome: 'lodged' | 'refused' | 'unreadable' | 'deferred' | 'acknowledgement';
  /** Why it was refused or could not be read. */
  errors: string[];
  /** The injected fault that shaped the handling, if any. */
  fault: string | null;
}

/** A declaration or manifest the authority took on (the side effect the contract kit counts). */
export interface Lodged {
  kind: 'declaration' | 'manifest';
  file: string;
  controlRef: string;
  messageRef: string;
  /** LRN of the declaration, or the manifest reference. */
  reference: string;
  status: CustomsResponseStatus;
  mrn: string | null;
  errorCodes: string[];
}

export interface Answer {
  file: string;
  type: 'CONTRL' | 'CUSRES';
  /** CUSRES: the status; CONTRL: 'acknowledged' or the refusal reason. */
  summary: string;
  at: string;
}

export interface Acknowledgement {
  file: string;
  /** UNB 0020 of the CUSRES interchange acknowledged. */
  acknowledges: string;
  /** UCI 0083: 7 acknowledged, 4 rejected. */
  action: string;
}

export interface AuthorityState {
  root: string;
  partner: string;
  received: ReceivedFile[];
  lodged: Lodged[];
  answers: Answer[];
  acknowledgements: Acknowledgement[];
  /** Answers held back by a timeout fault, not yet written. */
  pendingAnswers: number;
}
