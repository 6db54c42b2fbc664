import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { LookUpResidentV1, StaffRole } from '@accessdesk/contracts';
import { createEnvelope } from '@accessdesk/messaging';
import { MessageContext, ProblemException, RolesGuard } from '@accessdesk/platform';
import { LookUpResidentHandler, residentLookup } from './look-up-resident.handler';

/** Whether the handler's role guard lets a request by an actor with `roles` through. */
function mayLookUpResident({ roles }: { roles: StaffRole[] }): boolean {
  const actor = { sub: 'someone', name: 'Someone', region: 'VGR', roles };
  const envelope = createEnvelope(LookUpResidentV1, { personnummer: '191212121212' }, { correlationId: 'c', causationId: 'c', region: 'VGR', actor });
  const context = {
    getType: () => 'rpc',
    getHandler: () => LookUpResidentHandler.prototype.answer,
    switchToRpc: () => ({ getContext: () => new MessageContext(envelope, null) }),
  } as unknown as ExecutionContext;
  try {
    return new RolesGuard(new Reflector()).canActivate(context);
  } catch (err) {
    if (err instanceof ProblemException) return false;
    throw err;
  }
}

describe('LookUpResidentV1 answers', () => {
  it('lets any staff role ask, and nobody without one', () => {
    for (const role of ['clinician', 'unit_head', 'medical_lead', 'service_desk', 'contact_centre', 'auditor'] as const) {
      expect(mayLookUpResident({ roles: [role] })).toBe(true);
    }
    expect(mayLookUpResident({ roles: [] })).toBe(false);
  });

  it('answers a resident the register does not know as not found, with nothing else', () => {
    expect(residentLookup(null)).toEqual({ found: false, givenName: null, surname: null, protectedIdentity: false, deceased: false, guardians: [], homeRegion: null });
  });

  it('passes the guardians on as the register lists them (R18)', () => {
    const guardians = ['197805141236', '198009302467'];
    const answer = residentLookup({ givenName: 'Lo', surname: 'Exempelsson', protectedIdentity: false, deceased: false, guardians, homeRegion: 'VGR' });
    expect(answer).toEqual({ found: true, givenName: 'Lo', surname: 'Exempelsson', protectedIdentity: false, deceased: false, guardians, homeRegion: 'VGR' });
    expect(answer.guardians).not.toBe(guardians);
  });

  it('R15: passes on the region where the resident is registered, or null when the register gives none', () => {
    const record = { givenName: 'Jonas', surname: 'Jämte', protectedIdentity: false, deceased: false, guardians: [] };
    expect(residentLookup({ ...record, homeRegion: 'JAMTLAND' }).homeRegion).toBe('JAMTLAND');
    expect(residentLookup({ ...record, homeRegion: null }).homeRegion).toBeNull();
  });
});
