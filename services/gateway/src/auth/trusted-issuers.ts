import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Type, plainToInstance } from 'class-transformer';
import { ArrayMinSize, IsArray, IsOptional, IsString, IsUrl, ValidateNested, validateSync } from 'class-validator';
import { ConfigError } from '@accessdesk/platform';

export class TrustedIssuer {
  /** The exact `iss` claim. */
  @IsString() issuer!: string;
  /** The `aud` claim this API expects from that issuer. */
  @IsString() audience!: string;
  /** A JWKS document on disk (path relative to the working directory)… */
  @IsOptional() @IsString() jwksFile?: string;
  /** …or at a URL, fetched and cached by `jose`. */
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['https', 'http'] }) jwksUrl?: string;
}

export class AuthConfig {
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => TrustedIssuer) issuers!: TrustedIssuer[];
}

export function loadAuthConfig(path: string): AuthConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(resolve(path), 'utf8'));
  } catch (err) {
    throw new ConfigError(`AUTH_CONFIG_FILE ${path} cannot be read as JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const config = plainToInstance(AuthConfig, raw);
  const errors = validateSync(config, { whitelist: true });
  if (errors.length > 0) throw new ConfigError(`AUTH_CONFIG_FILE ${path} is not valid: ${errors.map((e) => e.toString()).join('; ')}`);
  for (const i of config.issuers) {
    if (!i.jwksFile === !i.jwksUrl) throw new ConfigError(`issuer ${i.issuer}: give exactly one of jwksFile and jwksUrl`);
  }
  return config;
}
