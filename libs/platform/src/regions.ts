// R24 Regions differ: desk names, channels, approved private providers, feedback addresses, review
// period, paperwork chasing and the staff-tool adapter mode are configuration, one file for every
// service (REGIONS_CONFIG_FILE), so that adding a region is a change of that file, not of code.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Type, plainToInstance } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
  ValidationError,
  validateSync,
} from 'class-validator';
import { CHANNELS, Channel } from '@accessdesk/contracts';
import { ConfigError } from './config';
import { IsIsoDuration, IsoDuration, parseIsoDuration } from './iso-duration';

export const ADAPTER_MODE_NAMES = ['http', 'manual'] as const;
export type AdapterModeName = (typeof ADAPTER_MODE_NAMES)[number];

export const DEFAULT_REGIONS_CONFIG_FILE = 'config/regions.json';

export class DeskConfig {
  /** What the region calls the desk: "KSD Spärr- och loggservice", "VIS-support", "Kontaktcenter"… */
  @IsString() @Length(1, 200) name!: string;
  /** The desk's functional mailbox: escalations go here. */
  @IsEmail() email!: string;
  @IsOptional() @IsString() @Length(1, 40) phone?: string;
}

export class RegionConfig {
  /** The `region` claim of the region's tokens and the prefix of its registry numbers (R6). */
  @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, { message: 'code must be upper-case letters, digits and _' }) code!: string;
  @IsString() @Length(1, 200) name!: string;
  /** Receives, checks and executes lock, unlock, seal and unseal cases (R7); its emergency line (R12). */
  @ValidateNested() @Type(() => DeskConfig) serviceDesk!: DeskConfig;
  /** Handles guardian blocks (R18, 002). */
  @ValidateNested() @Type(() => DeskConfig) contactCentre!: DeskConfig;
  /** R22: the channels the region receives requests by. */
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(CHANNELS, { each: true }) channels!: Channel[];
  /** R4: private care providers whose staff may sign (HSA-ids of the care providers). */
  @IsArray() @ArrayUnique() @IsString({ each: true }) approvedPrivateProviders!: string[];
  /** R8: addresses that get a copy of every feedback e-mail, besides the unit head. */
  @IsArray() @ArrayUnique() @IsEmail({}, { each: true }) feedbackCopyTo!: string[];
  /** R9: from execution of a lock to its review. */
  @IsIsoDuration() reviewPeriod!: string;
  /** R9: from the review's due date to the escalation to the unit head. */
  @IsIsoDuration() reviewEscalationAfter!: string;
  /** R12: from an emergency lock to the reminder about its missing form… */
  @IsIsoDuration() paperworkReminderAfter!: string;
  /** …and to the escalation. */
  @IsIsoDuration() paperworkEscalationAfter!: string;
  /** R7: `http` (the staff tool's HTTP contract) or `manual` (a work item for the desk). */
  @IsIn(ADAPTER_MODE_NAMES) adapterMode!: AdapterModeName;
}

export class RegionsFile {
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => RegionConfig) regions!: RegionConfig[];
}

function describe(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    return [...Object.values(e.constraints ?? {}).map((c) => `  ${path}: ${c}`), ...describe(e.children ?? [], path)];
  });
}

/** The regions, by code. */
export class Regions {
  private readonly byCode: Map<string, RegionConfig>;

  constructor(readonly all: readonly RegionConfig[]) {
    this.byCode = new Map(all.map((r) => [r.code, r]));
  }

  find(code: string): RegionConfig | undefined {
    return this.byCode.get(code);
  }

  /** For a region the system already accepted (a case's region); unknown here is a configuration fault. */
  get(code: string): RegionConfig {
    const region = this.byCode.get(code);
    if (!region) throw new ConfigError(`region ${code} is not in the regions configuration`);
    return region;
  }

  duration(code: string, field: 'reviewPeriod' | 'reviewEscalationAfter' | 'paperworkReminderAfter' | 'paperworkEscalationAfter'): IsoDuration {
    return parseIsoDuration(this.get(code)[field]);
  }
}

export function parseRegions(raw: unknown, source: string): Regions {
  const file = plainToInstance(RegionsFile, raw);
  const errors = validateSync(file, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw new ConfigError(`regions configuration ${source} is not valid:\n${describe(errors).join('\n')}`);
  const codes = file.regions.map((r) => r.code);
  const twice = codes.filter((c, i) => codes.indexOf(c) !== i);
  if (twice.length > 0) throw new ConfigError(`regions configuration ${source}: region ${twice[0]} appears twice`);
  return new Regions(file.regions);
}

/** Reads and validates the regions file; a bad file stops the service at start. */
export function loadRegions(path: string = DEFAULT_REGIONS_CONFIG_FILE): Regions {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(resolve(path), 'utf8'));
  } catch (err) {
    throw new ConfigError(`REGIONS_CONFIG_FILE ${path} cannot be read as JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  return parseRegions(raw, path);
}
