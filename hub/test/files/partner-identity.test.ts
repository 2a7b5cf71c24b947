// Partner identity: the sender an envelope names must be one the partner of the inbox uses.
import { PermanentError } from '../../src';
import { assertPartnerSender, partnerSenderProblem } from '../../src/files';

const identity = { partner: 'customs-de', senders: [{ id: 'DEATLAS', qualifier: 'ZZZ' }, { id: 'DEATLAS-TEST' }] };

it('accepts a known sender, with its qualifier when one is required', () => {
  expect(partnerSenderProblem(identity, { name: 'a.edi', partner: 'customs-de' }, { id: 'DEATLAS', qualifier: 'ZZZ' })).toBeUndefined();
  expect(partnerSenderProblem(identity, { name: 'a.edi', partner: 'customs-de' }, { id: 'DEATLAS-TEST', qualifier: '14' })).toBeUndefined();
});

it('refuses another sender, a wrong qualifier, a file from another partner or no partner, saying why', () => {
  expect(partnerSenderProblem(identity, { name: 'a.edi', partner: 'customs-de' }, { id: 'EVIL' })).toBe(
    `file a.edi in the inbox of partner 'customs-de' names sender "EVIL", but that partner sends as "DEATLAS" (qualifier ZZZ) or "DEATLAS-TEST"; a file in the wrong inbox or a forged sender — move it to the right partner's inbox, or add the id to the partner's identities if it is genuine`,
  );
  expect(partnerSenderProblem(identity, { name: 'a.edi', partner: 'customs-de' }, { id: 'DEATLAS', qualifier: '14' })).toContain('names sender "DEATLAS" (qualifier 14)');
  expect(partnerSenderProblem(identity, { name: 'a.edi', partner: 'customs-fr' }, { id: 'DEATLAS', qualifier: 'ZZZ' })).toContain("arrived in the inbox of partner 'customs-fr', but this connector serves partner 'customs-de'");
  expect(partnerSenderProblem(identity, { name: 'a.edi' }, { id: 'DEATLAS' })).toContain('came with no partner');
  expect(() => assertPartnerSender(identity, { name: 'a.edi', partner: 'customs-de' }, { id: 'EVIL' })).toThrow(PermanentError);
});
