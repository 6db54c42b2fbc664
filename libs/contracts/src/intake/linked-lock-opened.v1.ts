import { IsString, IsUUID, Length } from 'class-validator';

/** R18: the child's LOGIN_LOCK that a guardian block asked for is registered as its own case. */
export class LinkedLockOpenedV1 {
  static readonly type = 'intake.linked-lock.opened.v1';
  @IsUUID() guardianBlockId!: string;
  @IsUUID() caseId!: string;
  @IsString() @Length(1, 40) registryNumber!: string;
}
