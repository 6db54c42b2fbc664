import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';

/** R6 (000 §6.7): the category a case is registered under in the region's registry. */
export interface RegistryCategory {
  /** Överkategori, e.g. "1177 e-tjänster". */
  main: string;
  /** Underkategori, e.g. "Låsa konto vårdpersonal". */
  sub: string;
}

/** R6 (000 §6.11): the region's own registry reference of a case, e.g. its Plexus number. */
export interface RegistryReference {
  /** The registry system, e.g. "Plexus". */
  system: string;
  reference: string;
  recordedBy: string;
  recordedAt: string;
}

/** `POST /cases/{id}/registry-reference`: the service desk records the region's own registry number. */
export class RegistryReferenceRequest {
  /** The registry system; "Plexus" when not given. */
  @IsOptional() @IsString() @Length(1, 60) system?: string;
  /** The number as the registry gave it: letters, digits and - / . : space. Never a personnummer. */
  @IsString() @Length(1, 60) @Matches(/^[\p{L}\d][\p{L}\d\-/.: ]*$/u, { message: 'reference must be a registry number (letters, digits, - / . :)' }) reference!: string;
}

/** Record the region's registry reference on a case (gateway → intake). */
export class RecordRegistryReferenceV1 {
  static readonly type = 'intake.record-registry-reference.v1';
  @IsUUID() caseId!: string;
  @IsObject() @ValidateNested() @Type(() => RegistryReferenceRequest) request!: RegistryReferenceRequest;
}
