import { Inject, Injectable } from '@nestjs/common';
import { IdentityCheckConfig } from '../identity-check.config';
import { RegisteredResident } from '../rules/r4-checks-on-receipt';
import { RegisterUnavailableError, isRecord, requestJson } from './register-request';

const REGISTER = 'population register';

/** A resident as the register lists them: what R4 judges, and the guardians (R18, R20) others ask for. */
export interface PopulationRecord extends RegisteredResident {
  /** The guardians' personnummer; empty for an adult. */
  guardians: string[];
  /**
   * R15: the region where the resident is registered (folkbokförd), as a region code of the regions
   * file; null when the register gives none. The real registers give a county and municipality code
   * (län, kommun); a region's integration maps the county to its region code.
   */
  homeRegion: string | null;
}

/**
 * The population register (folkbokföringen): personnummer → name, protected identity (skyddad
 * identitet), deceased, guardians, and the region of registration. The number goes in the body,
 * never in the URL.
 *
 * What it stands for in production: the Swedish Tax Agency's population register, reached through
 * **Navet** (Skatteverket's distribution of folkbokföring data to authorities and regions) or
 * **SPAR** (Statens personadressregister, the look-up service for the public sector), usually by way
 * of the region's own person service (in VGR "Personuppgiftsportalen", 000 §6.3). A region's
 * integration needs: an agreement with Skatteverket (Navet) or the SPAR administrator that covers
 * this use, an organisation certificate (SITHS / e-tjänstecertifikat) for mutual TLS, and the fields
 * personnummer or samordningsnummer, name, protection markings (sekretessmarkering, skyddad
 * folkbokföring), date of death, custody relations (vårdnadshavare) and county/municipality of
 * registration. Those registers answer protected residents without address; we never ask for one.
 * This client speaks the simulator's small JSON contract (services/simulators, `POST /lookup`): the
 * simulator is the development stand-in, and a region's adapter to Navet or SPAR answers in this shape.
 */
@Injectable()
export class PopulationRegisterClient {
  constructor(@Inject(IdentityCheckConfig) private readonly config: IdentityCheckConfig) {}

  /** The registered resident, or null when the register has no such person; `timeoutMs` bounds the call. */
  async lookup(personnummer: string, timeoutMs?: number): Promise<PopulationRecord | null> {
    const { status, body } = await requestJson(
      REGISTER,
      `${this.config.POPULATION_REGISTER_URL}/lookup`,
      { method: 'POST', body: JSON.stringify({ personnummer }) },
      timeoutMs,
    );
    if (status === 404) return null;
    if (
      !isRecord(body) ||
      typeof body.givenName !== 'string' ||
      typeof body.surname !== 'string' ||
      typeof body.protectedIdentity !== 'boolean' ||
      typeof body.deceased !== 'boolean' ||
      !Array.isArray(body.guardians) ||
      !body.guardians.every((g): g is string => typeof g === 'string') ||
      (body.homeRegion !== undefined && body.homeRegion !== null && typeof body.homeRegion !== 'string')
    ) {
      throw new RegisterUnavailableError(`${REGISTER} answered with an unexpected shape`);
    }
    return {
      givenName: body.givenName,
      surname: body.surname,
      protectedIdentity: body.protectedIdentity,
      deceased: body.deceased,
      guardians: body.guardians,
      homeRegion: typeof body.homeRegion === 'string' && body.homeRegion !== '' ? body.homeRegion : null,
    };
  }
}
