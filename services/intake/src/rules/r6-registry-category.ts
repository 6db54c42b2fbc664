// R6 Registration (000 §6.7): each case is registered under the category "1177 e-tjänster" with the
// sub-category "Låsa konto vårdpersonal" or "Låsa upp konto vårdpersonal". The seeds name no category
// for seals; ours follow the same pattern with the words of seed 004 ("försegla", "häva försegling").
import { IntakeCaseType, RegistryCategory } from '@accessdesk/contracts';

export const REGISTRY_MAIN_CATEGORY = '1177 e-tjänster';

const SUB_CATEGORY: Record<IntakeCaseType, string> = {
  LOGIN_LOCK: 'Låsa konto vårdpersonal',
  LOGIN_UNLOCK: 'Låsa upp konto vårdpersonal',
  JOURNAL_SEAL: 'Försegla journal',
  JOURNAL_UNSEAL: 'Häva försegling av journal',
};

export function registryCategory(type: IntakeCaseType): RegistryCategory {
  return { main: REGISTRY_MAIN_CATEGORY, sub: SUB_CATEGORY[type] };
}
