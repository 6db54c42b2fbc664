import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { StaffFixture } from '../fixtures/fixtures';
import { ProblemException } from '../http/problem';
import { StaffDirectoryKnobs, StaffDirectoryService, StaffDirectoryUnavailableError } from './staff-directory.service';

export class PrivateProvidersQuery {
  @IsString()
  @Length(1, 50)
  region!: string;
}

export class StaffDirectoryKnobsRequest implements Partial<StaffDirectoryKnobs> {
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60_000)
  latencyMs?: number;

  @IsOptional()
  @IsBoolean()
  unavailable?: boolean;
}

@Controller('staff-directory')
export class StaffDirectoryController {
  constructor(private readonly directory: StaffDirectoryService) {}

  @Get('persons/:hsaId')
  async person(@Param('hsaId') hsaId: string): Promise<StaffFixture> {
    let member: StaffFixture | undefined;
    try {
      member = await this.directory.person(hsaId);
    } catch (error) {
      if (error instanceof StaffDirectoryUnavailableError) {
        throw ProblemException.of('staff-directory-unavailable', 503, 'Staff directory unavailable', 'The staff directory is down (fault injected with PUT /staff-directory/knobs).');
      }
      throw error;
    }
    if (!member) {
      throw ProblemException.of('staff-not-found', 404, 'Staff member not found', 'The staff directory has no person with that HSA-id.');
    }
    return member;
  }

  @Get('private-providers')
  privateProviders(@Query() query: PrivateProvidersQuery): { region: string; careProviders: string[] } {
    return { region: query.region, careProviders: this.directory.privateProviders(query.region) };
  }

  @Get('knobs')
  knobs(): StaffDirectoryKnobs {
    return this.directory.getKnobs();
  }

  @Put('knobs')
  setKnobs(@Body() body: StaffDirectoryKnobsRequest): StaffDirectoryKnobs {
    return this.directory.setKnobs(body);
  }

  @Post('reset')
  @HttpCode(204)
  reset(): void {
    this.directory.reset();
  }
}
