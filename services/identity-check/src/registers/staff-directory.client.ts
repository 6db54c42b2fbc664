import { Inject, Injectable } from '@nestjs/common';
import { IdentityCheckConfig } from '../identity-check.config';
import { DirectoryPerson } from '../rules/r4-checks-on-receipt';
import { RegisterUnavailableError, isRecord, requestJson } from './register-request';

const DIRECTORY = 'staff directory';

/** The staff directory (HSA): who a signer is, and the region's approved private care providers. */
@Injectable()
export class StaffDirectoryClient {
  constructor(@Inject(IdentityCheckConfig) private readonly config: IdentityCheckConfig) {}

  /** The person with this HSA-id, or null when the directory has none. */
  async person(hsaId: string): Promise<DirectoryPerson | null> {
    const { status, body } = await requestJson(DIRECTORY, `${this.config.STAFF_DIRECTORY_URL}/persons/${encodeURIComponent(hsaId)}`);
    if (status === 404) return null;
    if (!isRecord(body) || typeof body.careProvider !== 'string' || typeof body.regionalStaffId !== 'boolean') {
      throw new RegisterUnavailableError(`${DIRECTORY} answered with an unexpected shape`);
    }
    return { careProvider: body.careProvider, regionalStaffId: body.regionalStaffId };
  }

  /** The care providers of `region` that are approved private providers (R4); none when the region lists none. */
  async approvedPrivateProviders(region: string): Promise<string[]> {
    const { status, body } = await requestJson(
      DIRECTORY,
      `${this.config.STAFF_DIRECTORY_URL}/private-providers?${new URLSearchParams({ region }).toString()}`,
    );
    if (status === 404) return [];
    const providers = isRecord(body) ? body.careProviders : undefined;
    if (!Array.isArray(providers) || !providers.every((p): p is string => typeof p === 'string')) {
      throw new RegisterUnavailableError(`${DIRECTORY} answered with an unexpected shape`);
    }
    return providers;
  }
}
