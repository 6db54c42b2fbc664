import { Inject, Injectable } from '@nestjs/common';
import { IdentityCheckConfig } from '../identity-check.config';
import { DirectoryPerson } from '../rules/r4-checks-on-receipt';
import { RegisterUnavailableError, isRecord, requestJson } from './register-request';

const DIRECTORY = 'staff directory';

/**
 * The staff directory (HSA): who a decision maker or signer is, their care provider and roles, and
 * the work phone number the service desk calls back for an emergency lock (R12). The
 * region's approved private care providers are configuration (R24, the regions file), not asked here.
 *
 * What it stands for in production: Inera's **HSA catalogue** (HSA-katalogen), the national directory
 * of people and units in Swedish health care, asked through its services (HSA WebService / the HSA
 * REST API). A region's integration needs: a connection agreement with Inera for the HSA services, a
 * SITHS function certificate for mutual TLS, and the fields HSA-id, name, care provider and care unit
 * (vårdgivare, vårdenhet), the person's professional title and licence (legitimation) and assignments
 * (medarbetaruppdrag: treatment responsibility, unit head), from which the roles here are derived.
 * This client speaks the simulator's JSON contract (services/simulators, `GET /persons/{hsaId}`): the
 * simulator is the development stand-in, and a region's adapter to HSA answers in this shape.
 */
@Injectable()
export class StaffDirectoryClient {
  constructor(@Inject(IdentityCheckConfig) private readonly config: IdentityCheckConfig) {}

  /**
   * The person with this HSA-id, or null when the directory has none. `timeoutMs` bounds the call:
   * an emergency lock (R12) waits only briefly for the directory.
   */
  async person(hsaId: string, timeoutMs?: number): Promise<DirectoryPerson | null> {
    const { status, body } = await requestJson(DIRECTORY, `${this.config.STAFF_DIRECTORY_URL}/persons/${encodeURIComponent(hsaId)}`, {}, timeoutMs);
    if (status === 404) return null;
    if (
      !isRecord(body) ||
      typeof body.careProvider !== 'string' ||
      typeof body.region !== 'string' ||
      typeof body.regionalStaffId !== 'boolean' ||
      !isStringArray(body.roles) ||
      (body.workPhone !== undefined && body.workPhone !== null && typeof body.workPhone !== 'string')
    ) {
      throw new RegisterUnavailableError(`${DIRECTORY} answered with an unexpected shape`);
    }
    const workPhone = typeof body.workPhone === 'string' ? body.workPhone : null;
    return { careProvider: body.careProvider, region: body.region, regionalStaffId: body.regionalStaffId, roles: body.roles, workPhone };
  }
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}
