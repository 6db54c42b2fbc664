/**
 * R18 (002) what a guardian block means, told to the requester in the confirmation and shown in
 * the case; and what lifting it means (R19). Swedish: read by care staff.
 */
export const BLOCK_EFFECTS: readonly string[] = [
  'Vårdnadshavaren kan inte agera ombud för barnet i 1177 e-tjänster och ser inte barnets namn efter inloggning där.',
  'Vårdnadshavaren kan inte växla till barnets journal i 1177 Journalen: barnets namn visas under ”Växla journal” men går inte att klicka på.',
  'Blockeringen omfattar endast 1177 e-tjänster och 1177 journal. Utskick till vårdnadshavaren från andra vårdsystem, t.ex. sms-påminnelser från Cosmic Reminders och Folktandvården, tas bort separat.',
  'Barnets inloggning till 1177 e-tjänster låses av säkerhetsskäl i ett eget ärende. När behovet inte längre kvarstår begär vårdpersonal att kontot låses upp.',
];

/** R19, R11: lifting the block gives the access back; the child's own login stays locked until its own unlock case. */
export const UNBLOCK_EFFECTS: readonly string[] = [
  'Vårdnadshavaren har åter tillgång till barnets journal och e-tjänster på 1177.',
  'Barnets inloggning till 1177 e-tjänster låses inte upp automatiskt: vårdpersonal begär upplåsning i ett eget ärende.',
];
