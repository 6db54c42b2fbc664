import { Controller, Get, Param, Query } from '@nestjs/common';
import { IsString, Length } from 'class-validator';
import { StaffFixture } from '../fixtures/fixtures';
import { ProblemException } from '../http/problem';
import { StaffDirectoryService } from './staff-directory.service';

export class PrivateProvidersQuery {
  @IsString()
  @Length(1, 50)
  region!: string;
}

@Controller('staff-directory')
export class StaffDirectoryController {
  constructor(private readonly directory: StaffDirectoryService) {}

  @Get('persons/:hsaId')
  person(@Param('hsaId') hsaId: string): StaffFixture {
    const member = this.directory.person(hsaId);
    if (!member) {
      throw ProblemException.of('staff-not-found', 404, 'Staff member not found', 'The staff directory has no person with that HSA-id.');
    }
    return member;
  }

  @Get('private-providers')
  privateProviders(@Query() query: PrivateProvidersQuery): { region: string; careProviders: string[] } {
    return { region: query.region, careProviders: this.directory.privateProviders(query.region) };
  }
}
