{{
  config(
    materialized = 'view'
  )
}}

with

source as (
    select *
    from {{ source('rudder', 'users') }}
),

renamed as (
    select
        cast(id as varchar(65535)) as user_id,
        cast(received_at as timestamp) as received_at_tstamp,
        cast(uuid_ts as timestamp) as uuid_ts,
        cast(email as varchar(65535)) as email,
        cast(first_name as varchar(65535)) as first_name,
        cast('identify' as varchar(65535)) as call_type,
        cast('rudder' as varchar(65535)) as source_schema,
        cast('users' as varchar(65535)) as source_table,
        cast('shop/Identify/1-0.json' as varchar(65535)) as schema_id
    from source
)

select * from renamed
