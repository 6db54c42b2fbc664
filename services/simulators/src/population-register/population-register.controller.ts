import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { IsPersonnummer } from '../http/validation';
import { ProblemException } from '../http/problem';
import { PopulationRegisterService, RegisteredResident } from './population-register.service';

export class LookupRequest {
  @IsPersonnummer()
  personnummer!: string;
}

// POST with the number in the body: a personnummer never goes in a URL.
@Controller('population-register')
export class PopulationRegisterController {
  constructor(private readonly register: PopulationRegisterService) {}

  @Post('lookup')
  @HttpCode(200)
  lookup(@Body() body: LookupRequest): RegisteredResident {
    const resident = this.register.lookup(body.personnummer);
    if (!resident) {
      throw ProblemException.of('resident-not-found', 404, 'Resident not found', 'The population register has no resident with that personnummer.');
    }
    return resident;
  }
}
