import { IntakeCaseType } from '@accessdesk/contracts';

/**
 * R17 Effects told to the requester (001, 004): what the action means for the resident, and the
 * advice that goes with it. Swedish, since it is shown to staff and sent in the feedback e-mail.
 */
const EFFECTS: Record<IntakeCaseType, string[]> = {
  LOGIN_LOCK: [
    'Invånaren kan inte logga in på 1177 e-tjänster.',
    'Vårdpersonal kan inte starta nya meddelandetrådar till invånaren.',
    'Invånarens inkorg finns kvar och tar emot svar och delsvar på ärenden som invånaren skickat in tidigare.',
    'Ett barn under 13 år förlorar vårdnadshavarens ombudsbehörighet.',
  ],
  LOGIN_UNLOCK: [
    'Invånaren kan åter logga in på 1177 e-tjänster.',
    'Allt som fanns när inloggningen låstes finns kvar.',
  ],
  JOURNAL_SEAL: ['Journalen via nätet är förseglad i den omfattning beslutet anger.'],
  JOURNAL_UNSEAL: ['Förseglingen av journalen via nätet är hävd.'],
};

const ADVICE: Record<IntakeCaseType, string[]> = {
  LOGIN_LOCK: [
    'Direktlänkar till Journalen fungerar fortfarande: begär försegling av journalen om den måste vara oåtkomlig.',
    'Uthopps- och virtuella portaltjänster (t.ex. Stöd och behandling) kan fortfarande nås via direktlänk och inloggning med e-legitimation.',
    'Låsningen ska omprövas efter tre månader av begärande vårdpersonal.',
  ],
  LOGIN_UNLOCK: [],
  JOURNAL_SEAL: [],
  JOURNAL_UNSEAL: [],
};

export function effectsOf(type: IntakeCaseType): { effects: string[]; advice: string[] } {
  return { effects: EFFECTS[type], advice: ADVICE[type] };
}
