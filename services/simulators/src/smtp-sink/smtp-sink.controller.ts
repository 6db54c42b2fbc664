import { Controller, Delete, Get, HttpCode, Query } from '@nestjs/common';
import { IsOptional, IsString, Length } from 'class-validator';
import { SinkMessage, SmtpSinkService } from './smtp-sink.service';

export class MessagesQuery {
  @IsOptional()
  @IsString()
  @Length(1, 320)
  to?: string;
}

@Controller('smtp-sink/messages')
export class SmtpSinkController {
  constructor(private readonly sink: SmtpSinkService) {}

  @Get()
  list(@Query() query: MessagesQuery): { messages: SinkMessage[] } {
    return { messages: this.sink.list(query) };
  }

  @Delete()
  @HttpCode(204)
  clear(): void {
    this.sink.clear();
  }
}
